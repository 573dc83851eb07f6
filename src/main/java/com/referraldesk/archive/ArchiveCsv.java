package com.referraldesk.archive;

import com.referraldesk.partner.Contact;
import com.referraldesk.referral.EngagementEdit;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Archived referrals as CSV (RFC 4180: comma-separated, CRLF lines, a cell with a comma, quote or line break quoted
 * and its quotes doubled), one line per referral, its columns named as the JSON fields of the archive API. Written
 * for spreadsheets: it starts with a byte order mark, so they read it as UTF-8, and a cell that a spreadsheet would
 * take for a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with a single quote, so a
 * customer's company named {@code =HYPERLINK(...)} stays text.
 */
final class ArchiveCsv {

  private static final String BYTE_ORDER_MARK = "\uFEFF";
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private record Column(String name, Function<ArchivedReferral, Object> value) {
  }

  // The row's fields, the most read first; contacts and edits one cell each.
  private static final List<Column> COLUMNS = List.of(
      new Column("referralId", ArchivedReferral::referralId),
      new Column("finalState", ArchivedReferral::finalState),
      new Column("closedAt", ArchivedReferral::closedAt),
      new Column("customerCompany", ArchivedReferral::customerCompany),
      new Column("partnerId", ArchivedReferral::partnerId),
      new Column("locationId", ArchivedReferral::locationId),
      new Column("receivedAt", ArchivedReferral::receivedAt),
      new Column("respondedAt", ArchivedReferral::respondedAt),
      new Column("interestedAt", ArchivedReferral::interestedAt),
      new Column("acceptedAt", ArchivedReferral::acceptedAt),
      new Column("responseSeconds", ArchivedReferral::responseSeconds),
      new Column("respondedBy", ArchivedReferral::respondedBy),
      new Column("customerContactName", ArchivedReferral::customerContactName),
      new Column("customerEmail", ArchivedReferral::customerEmail),
      new Column("customerPhone", ArchivedReferral::customerPhone),
      new Column("customerCountry", ArchivedReferral::customerCountry),
      new Column("customerCompanySize", ArchivedReferral::customerCompanySize),
      new Column("customerIndustry", ArchivedReferral::customerIndustry),
      new Column("requestDetails", ArchivedReferral::requestDetails),
      new Column("customerKeywords", ArchivedReferral::customerKeywords),
      new Column("customerProducts", ArchivedReferral::customerProducts),
      new Column("contactRequested", ArchivedReferral::contactRequested),
      new Column("source", ArchivedReferral::source),
      new Column("engagementName", ArchivedReferral::engagementName),
      new Column("estimatedValue", ArchivedReferral::estimatedValue),
      new Column("purchaseTimeframe", ArchivedReferral::purchaseTimeframe),
      new Column("estimatedPurchaseDate", ArchivedReferral::estimatedPurchaseDate),
      new Column("notes", ArchivedReferral::notes),
      new Column("crmId", ArchivedReferral::crmId),
      new Column("declineReason", ArchivedReferral::declineReason),
      new Column("declineNotes", ArchivedReferral::declineNotes),
      new Column("lostReason", ArchivedReferral::lostReason),
      new Column("contacts", r -> r.contacts().stream().map(ArchiveCsv::contact).collect(Collectors.joining("; "))),
      new Column("edits", r -> r.edits().stream().map(ArchiveCsv::edit).collect(Collectors.joining("; "))),
      new Column("processInstanceId", ArchivedReferral::processInstanceId));

  private final Writer out;

  /** Starts the file: the byte order mark and the header line. */
  ArchiveCsv(Writer out) throws IOException {
    this.out = out;
    out.write(BYTE_ORDER_MARK);
    line(COLUMNS.stream().map(Column::name));
  }

  void write(List<ArchivedReferral> referrals) throws IOException {
    for (ArchivedReferral referral : referrals) {
      line(COLUMNS.stream().map(column -> text(column.value().apply(referral))));
    }
  }

  private void line(Stream<String> cells) throws IOException {
    out.write(cells.map(ArchiveCsv::cell).collect(Collectors.joining(",")));
    out.write("\r\n");
  }

  private static String cell(String text) {
    String safe = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    return safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
        ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  private static String text(Object value) {
    return value instanceof BigDecimal number ? number.toPlainString() : Objects.toString(value, "");
  }

  /** "name <email> phone", leaving out what the contact lacks. */
  private static String contact(Contact contact) {
    return Stream.of(contact.name(), contact.email() == null ? null : "<" + contact.email() + ">", contact.phone())
        .filter(Objects::nonNull).collect(Collectors.joining(" "));
  }

  /** "when who action": what the edit history says of each saving of the engagement. */
  private static String edit(EngagementEdit edit) {
    return Stream.of(edit.editedAt(), edit.editedBy(), edit.action())
        .filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(" "));
  }
}
