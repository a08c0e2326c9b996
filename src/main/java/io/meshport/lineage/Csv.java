package io.meshport.lineage;

import java.util.List;

/**
 * Just enough RFC 4180 to write a table; no reading. A cell that a spreadsheet would take for a
 * formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return)
 * is prefixed with an apostrophe, so that opening the file runs nothing (OWASP's "CSV injection").
 */
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

    private static void field(StringBuilder out, String cell) {
        String value = isFormula(cell) ? "'" + cell : cell;
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

    private static boolean isFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
