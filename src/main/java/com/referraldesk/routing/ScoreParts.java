package com.referraldesk.routing;

/** Why a partner ranks where it does: each part between 0 and 1, and their weighted sum. */
public record ScoreParts(double score, double keywordFit, double industryFit, double sizeFit, double responsiveness,
    double trackRecord) {
}
