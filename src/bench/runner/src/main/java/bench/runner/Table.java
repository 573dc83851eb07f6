package bench.runner;

import java.util.ArrayList;
import java.util.List;

/** The run's figures: scenario, Referral Desk, stock, ratio, target, met. */
final class Table {

  private final List<String[]> rows = new ArrayList<>();

  void row(String scenario, double rd, double stock, String target, Boolean met) {
    row(scenario, String.format("%.1f", rd), String.format("%.1f", stock), String.format("%.2f", rd / stock), target,
        met);
  }

  void row(String scenario, String rd, String stock, String ratio, String target, Boolean met) {
    rows.add(new String[] {scenario, rd, stock, ratio, target, met == null ? "" : met ? "yes" : "**no**"});
  }

  String render() {
    StringBuilder text = new StringBuilder();
    text.append("| scenario | Referral Desk | stock | ratio | target | met? |\n");
    text.append("|---|---|---|---|---|---|\n");
    for (String[] row : rows) {
      text.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return text.toString();
  }
}
