package io.meshport.lineage;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * TEMPORARY until the access service lands: approved agreements written by SQL. To be replaced by
 * AccessService.request (bob, for marketing) and decide (alice approves).
 */
final class TestAgreement {

    private TestAgreement() {}

    static UUID approved(JdbcClient jdbc, String productId, String port, @Nullable String consumerProduct) {
        return insert(jdbc, productId, port, consumerProduct, "approved");
    }

    static UUID requested(JdbcClient jdbc, String productId, String port, @Nullable String consumerProduct) {
        return insert(jdbc, productId, port, consumerProduct, "requested");
    }

    private static UUID insert(
            JdbcClient jdbc, String productId, String port, @Nullable String consumerProduct, String status) {
        long user = jdbc.sql("""
                        insert into app_user (issuer, subject, username, display_name, first_seen, last_seen)
                        values ('urn:test', 'bob-lineage', 'bob', 'bob', now(), now())
                        on conflict (issuer, subject) do update set last_seen = now()
                        returning id
                        """).query(Long.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into access_agreement (id, product_id, output_port, output_port_version, contract_id,
                            contract_version, provider_team, consumer_team, consumer_product, purpose, starts_on,
                            status, provisioning, requested_by, requested_by_name, requested_at, updated_at)
                        values (:id, :product, :port, '1.0.0', :contract, '1.0.0', 'sales', 'marketing', :consumer,
                            'Campaign reporting', current_date, :status, :provisioning, :user, 'bob', now(), now())
                        """)
                .param("id", id)
                .param("product", productId)
                .param("port", port)
                .param("contract", productId + "-v1")
                .param("consumer", consumerProduct)
                .param("status", status)
                .param("provisioning", status.equals("approved") ? "pending" : null)
                .param("user", user)
                .update();
        return id;
    }
}
