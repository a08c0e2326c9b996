package dev.meshport.demo;

import io.meshport.openlineage.OpenLineageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenLineage run events as the demo teams' pipelines would send them, fed once at each start of
 * the run command through the ingest (the same service {@code POST /api/v1/lineage} calls), so that
 * the lineage graph, drift and the SLA tabs show observed lineage from the start. The datasets are
 * those the demo contracts' servers name (Snowflake account {@code acme-prod}, upper-case names;
 * the service-tickets Postgres), so they resolve to the demo products' ports:
 *
 * <ul>
 *   <li><b>both</b>: {@code airflow-prod/revenue_analytics.build_daily} (finance) reads the General
 *       Ledger and Sales Orders and writes Revenue Analytics, which declares both inputs; it
 *       COMPLETEs an hour ago, so Revenue Analytics is fresh;
 *   <li><b>observed only</b>: the same job also reads Users, which Revenue Analytics does not
 *       declare;
 *   <li><b>drift</b>: {@code airflow-prod/customer_360.refresh} (sales) has written Customer 360
 *       for three weeks, reading Sales Orders, Users and Service Tickets but never Marketing Leads,
 *       which Customer 360 declares;
 *   <li><b>FAIL</b>: today's Customer 360 refresh fails;
 *   <li><b>seen, not in the catalog</b>: the revenue job also reads the ERP's {@code fx_rates},
 *       which no port names (the "Pipeline datasets" page).
 * </ul>
 *
 * <p>Only the run command loads it, after {@link DemoCatalog}; tests start with no runs.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoPipelines implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPipelines.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String PRODUCER = "https://github.com/apache/airflow/tree/providers-openlineage/2.6.0";
    private static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    static final String SNOWFLAKE = "snowflake://acme-prod";
    static final String SERVICE_DESK = "postgres://cs-db.acme.internal:5432";
    static final String ERP = "postgres://erp-db.acme.internal:5432";

    private final ApplicationContext context;
    private final Clock clock;

    DemoPipelines(ApplicationContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        List<String> finance = events(now).finance();
        List<String> sales = events(now).sales();
        try {
            DemoUsers.as("carol", List.of("finance"), () -> ingest(finance));
            DemoUsers.as("alice", List.of("sales"), () -> ingest(sales));
            log.info("Demo pipeline runs sent: {} OpenLineage events", finance.size() + sales.size());
        } catch (RuntimeException e) {
            // A demo that cannot be fed is no reason to stop the portal.
            log.warn("Demo pipeline runs not sent: {}", e.getMessage());
        }
    }

    /** The events, per team that sends them. */
    public record Events(List<String> finance, List<String> sales) {}

    public static Events events(Instant now) {
        ArrayNode revenueInputs = JSON.createArrayNode();
        revenueInputs.add(dataset(SNOWFLAKE, "ANALYTICS.FINANCE.GL_JOURNAL_ENTRIES"));
        revenueInputs.add(dataset(SNOWFLAKE, "ANALYTICS.SALES.SALES_ORDERS_V2"));
        revenueInputs.add(dataset(SNOWFLAKE, "ANALYTICS.SALES.USERS_V1"));
        revenueInputs.add(dataset(ERP, "erp.public.fx_rates"));
        ArrayNode revenueOutputs = JSON.createArrayNode();
        revenueOutputs.add(dataset(SNOWFLAKE, "ANALYTICS.FINANCE.REVENUE_DAILY"));
        String revenueRun = UUID.randomUUID().toString();
        String revenueJob = "revenue_analytics.build_daily";
        List<String> finance = List.of(
                event("START", revenueRun, revenueJob, now.minus(Duration.ofMinutes(70)), revenueInputs, null),
                event(
                        "COMPLETE",
                        revenueRun,
                        revenueJob,
                        now.minus(Duration.ofMinutes(60)),
                        revenueInputs,
                        revenueOutputs));

        ArrayNode c360Inputs = JSON.createArrayNode();
        c360Inputs.add(dataset(SNOWFLAKE, "ANALYTICS.SALES.SALES_ORDERS_V2"));
        c360Inputs.add(dataset(SNOWFLAKE, "ANALYTICS.SALES.USERS_V1"));
        c360Inputs.add(dataset(SERVICE_DESK, "customer_service.published.service_tickets_v1"));
        ArrayNode c360Outputs = JSON.createArrayNode();
        c360Outputs.add(dataset(SNOWFLAKE, "ANALYTICS.ANALYTICS.CUSTOMER_360_V1"));
        String c360Job = "customer_360.refresh";
        // Two complete runs, three weeks apart, that never read Marketing Leads (declared): drift.
        String firstRun = UUID.randomUUID().toString();
        String lastRun = UUID.randomUUID().toString();
        String failedRun = UUID.randomUUID().toString();
        List<String> sales = List.of(
                event("START", firstRun, c360Job, now.minus(Duration.ofDays(20)), c360Inputs, null),
                event(
                        "COMPLETE",
                        firstRun,
                        c360Job,
                        now.minus(Duration.ofDays(20)).plusSeconds(600),
                        c360Inputs,
                        c360Outputs),
                event("START", lastRun, c360Job, now.minus(Duration.ofDays(1)), c360Inputs, null),
                event(
                        "COMPLETE",
                        lastRun,
                        c360Job,
                        now.minus(Duration.ofDays(1)).plusSeconds(600),
                        c360Inputs,
                        c360Outputs),
                event("START", failedRun, c360Job, now.minus(Duration.ofMinutes(30)), c360Inputs, null),
                event("FAIL", failedRun, c360Job, now.minus(Duration.ofMinutes(25)), c360Inputs, c360Outputs));
        return new Events(finance, sales);
    }

    private static ObjectNode dataset(String namespace, String name) {
        ObjectNode dataset = JSON.createObjectNode();
        dataset.put("namespace", namespace);
        dataset.put("name", name);
        return dataset;
    }

    private static String event(
            String type, String runId, String job, Instant at, ArrayNode inputs, ArrayNode outputs) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventType", type);
        event.put("eventTime", at.toString());
        event.put("producer", PRODUCER);
        event.put("schemaURL", SCHEMA_URL);
        event.putObject("run").put("runId", runId);
        event.putObject("job").put("namespace", "airflow-prod").put("name", job);
        event.set("inputs", inputs);
        event.set("outputs", outputs == null ? JSON.createArrayNode() : outputs);
        return JSON.writeValueAsString(event);
    }

    /** One event per call, as a pipeline's client sends them, through the same service as the API. */
    private Void ingest(List<String> events) {
        OpenLineageService service = context.getBean(OpenLineageService.class);
        events.forEach(service::ingest);
        return null;
    }
}
