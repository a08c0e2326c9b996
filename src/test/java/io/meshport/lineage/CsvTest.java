package io.meshport.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.ProductStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Impact as CSV follows RFC 4180. */
class CsvTest {

    @Test
    void plain_fields_stay_bare_and_rows_end_with_crlf() {
        StringBuilder out = new StringBuilder();
        Csv.row(out, List.of("a", "b c", ""));
        assertThat(out).hasToString("a,b c,\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_and_quotes_doubled() {
        StringBuilder out = new StringBuilder();
        Csv.row(out, List.of("x,y", "say \"hi\"", "two\nlines", "cr\rhere"));
        assertThat(out).hasToString("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void cells_a_spreadsheet_would_take_for_formulas_start_with_an_apostrophe() {
        StringBuilder out = new StringBuilder();
        Csv.row(out, List.of("=1+1", "+1", "-1", "@A1", "\tx", "a=b", "plain"));
        assertThat(out).hasToString("'=1+1,'+1,'-1,'@A1,'\tx,a=b,plain\r\n");
        StringBuilder quoted = new StringBuilder();
        Csv.row(quoted, List.of("=HYPERLINK(\"x\")"));
        assertThat(quoted).hasToString("\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    }

    @Test
    void an_impact_renders_a_header_and_one_row_per_product() {
        Impact impact = new Impact(
                "a",
                null,
                List.of(new Impact.ImpactedProduct(
                        "b", "Bee, \"the\" second", null, "sales", ProductStatus.ACTIVE, 1, List.of("a", "b"))),
                false);
        assertThat(impact.csv())
                .isEqualTo("id,name,domain,team,status,depth,path,via,agreement,port,contractVersion,provisioning\r\n"
                        + "b,\"Bee, \"\"the\"\" second\",,sales,active,1,a > b,declared input,,,,\r\n");
    }
}
