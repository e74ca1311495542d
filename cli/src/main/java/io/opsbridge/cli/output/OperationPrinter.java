package io.opsbridge.cli.output;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints operations as tables and detail blocks (for people) or as the server's data, JSON or YAML (for scripts). */
public class OperationPrinter {

    private final PrintWriter out;
    private final OutputFormat format;

    public OperationPrinter(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    /** Whether the output is data for scripts ({@code -o json} or {@code -o yaml}) rather than text for people. */
    public boolean machine() {
        return format == OutputFormat.json || format == OutputFormat.yaml;
    }

    /** Any value as one document in the chosen data format (pretty JSON or YAML). */
    public void printData(Object value) {
        out.println(DataWriter.document(format == OutputFormat.yaml ? OutputFormat.yaml : OutputFormat.json, value));
        out.flush();
    }

    /** Any value as one record of a stream: a JSON line, or a YAML document (for {@code ops metrics --follow}). */
    public void printRecord(Object value) {
        out.println(DataWriter.record(format == OutputFormat.yaml ? OutputFormat.yaml : OutputFormat.json, value));
        out.flush();
    }

    public void list(OperationList list) {
        list(list, true, null);
    }

    /**
     * The operations as a table: id, status, progress and duration, which fit 80 columns; with
     * {@code -o wide} also type, step and start. Without {@code headers} only the rows, for scripts.
     * With a {@code type} filter the footer says that the server's active count covers every type.
     */
    public void list(OperationList list, boolean headers, String type) {
        if (machine()) {
            printData(list);
            return;
        }
        boolean wide = format == OutputFormat.wide;
        List<String[]> rows = new ArrayList<>();
        if (headers) {
            rows.add(wide ? new String[] {"OPERATION", "TYPE", "STATUS", "PROGRESS", "STEP", "STARTED", "DURATION"}
                    : new String[] {"OPERATION", "STATUS", "PROGRESS", "DURATION"});
        }
        for (OperationInfo op : list.operations()) {
            String status = op.status().wireName() + (Trouble.of(op).isEmpty() ? "" : "!");
            String percent = Texts.percent(op.progress().percentage());
            rows.add(wide ? new String[] {op.operationId(), op.operationType().wireName(), status, percent,
                    Texts.cut(op.progress().currentStep(), 24), Texts.time(op.startedAt()), Texts.duration(op)}
                    : new String[] {op.operationId(), status, percent, Texts.duration(op)});
        }
        table(rows);
        if (!headers) {
            out.flush();
            return;
        }
        for (OperationInfo op : list.operations()) {
            String trouble = Trouble.brief(op);
            if (!trouble.isEmpty()) {
                out.printf("! %s: %s%n", op.operationId(), trouble);
            }
        }
        out.printf("%d shown of %d, %d active%s%n", list.operations().size(), list.total(), list.activeCount(),
                type == null ? "" : " (of every type)");
        out.flush();
    }

    public void details(OperationInfo op) {
        if (machine()) {
            printData(op);
            return;
        }
        line("operation", op.operationId());
        line("type", op.operationType().wireName());
        List<String> warnings = ExitCodes.warnings(op);
        line("status", op.status().wireName() + (warnings.isEmpty() ? "" : " with " + warnings.size() + " warning(s)"));
        String trouble = Trouble.of(op);
        if (!trouble.isEmpty()) {
            line("attention", trouble);
        }
        line("progress", Texts.percent(op.progress().percentage()));
        line("step", op.progress().currentStep());
        line("message", op.progress().message());
        if (op.metadata() != null) {
            line("symbols", op.metadata().symbols() == null ? null : String.join(",", op.metadata().symbols()));
            line("timeframe", op.metadata().timeframe());
            line("mode", op.metadata().mode());
        }
        line("created", Texts.time(op.createdAt()));
        line("started", Texts.time(op.startedAt()));
        line("completed", Texts.time(op.completedAt()));
        line("duration", Texts.duration(op));
        line("metrics", String.valueOf(op.metricsCount()));
        if (op.errorMessage() != null) {
            line("error", op.errorMessage());
        }
        warnings.forEach(w -> line("warning", w));
        if (op.resultSummary() != null) {
            for (Map.Entry<String, Object> e : op.resultSummary().entrySet()) {
                if (e.getKey().equals("warnings")) {
                    continue; // shown above, one line each
                }
                Map.Entry<String, Object> shown = Texts.resultEntry(op.resultSummary(), e);
                line("result." + shown.getKey(), Texts.value(shown.getValue()));
            }
        }
        out.flush();
    }

    private void line(String key, String value) {
        out.printf("%-28s %s%n", key, value == null ? "-" : value);
    }

    /** Rows as columns padded to their widest cell; the first row is the header. */
    public void table(List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
