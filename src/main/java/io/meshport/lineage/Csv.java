package io.meshport.lineage;

import java.util.List;

/** Just enough RFC 4180 to write a table; no reading. */
final class Csv {

    private Csv() {}

    static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, fields.get(i));
        }
        out.append("\r\n");
    }

    private static void field(StringBuilder out, String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
