package io.meshport.access;

import io.meshport.catalog.ContractAgreements;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of agreements, in batches: the approved ones, which are consumers of a
 * port just as declared input ports are (lineage draws them, impact analysis counts them, the
 * catalog asks them before a breaking contract version). Like {@code CatalogReadModel} it asks for
 * no caller: its clients check their own; views and controllers use {@link AccessService}.
 */
@Component
@Transactional(readOnly = true)
public class AgreementReadModel implements ContractAgreements {

    /**
     * An approved agreement as a consumer of a port.
     *
     * @param consumerProduct the consumer's product that reads the port; null when the team reads
     *     it directly
     */
    public record Consumer(
            UUID agreementId,
            String productId,
            String outputPort,
            String outputPortVersion,
            @Nullable String contractId,
            @Nullable String contractVersion,
            String consumerTeam,
            @Nullable String consumerProduct,
            @Nullable Provisioning provisioning,
            @Nullable String reconsentVersion) {}

    private static final String APPROVED = """
            select id, product_id, output_port, output_port_version, contract_id, contract_version,
                   consumer_team, consumer_product, provisioning, reconsent_version
              from access_agreement
             where status = 'approved'
            """;

    private final JdbcClient jdbc;

    AgreementReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The approved agreements on the output ports of the given products. */
    public List<Consumer> consumersOf(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(APPROVED
                        + " and product_id = any (cast(:ids as text[])) order by product_id, consumer_team, id")
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .query(AgreementReadModel::consumer)
                .list();
    }

    /** The approved agreements whose consumer is one of the given products (what they read). */
    public List<Consumer> readBy(Collection<String> consumerProductIds) {
        if (consumerProductIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        APPROVED
                                + " and consumer_product = any (cast(:ids as text[])) order by consumer_product, product_id, id")
                .param("ids", consumerProductIds.stream().distinct().toArray(String[]::new))
                .query(AgreementReadModel::consumer)
                .list();
    }

    /** The approved agreements on ports that offer one of the contracts. */
    public List<Consumer> consumersOfContracts(Collection<String> contractIds) {
        if (contractIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(APPROVED
                        + " and contract_id = any (cast(:ids as text[])) order by contract_id, consumer_team, id")
                .param("ids", contractIds.stream().distinct().toArray(String[]::new))
                .query(AgreementReadModel::consumer)
                .list();
    }

    @Override
    public List<ContractAgreements.Consumer> of(String contractId) {
        return consumersOfContracts(List.of(contractId)).stream()
                .map(c -> new ContractAgreements.Consumer(
                        c.agreementId().toString(), c.consumerTeam(), c.consumerProduct(), c.contractVersion()))
                .toList();
    }

    @Override
    public List<ContractAgreements.Agreement> agreementsOn(String contractId) {
        return consumersOfContracts(List.of(contractId)).stream()
                .map(c -> new ContractAgreements.Agreement(
                        c.agreementId().toString(),
                        c.productId(),
                        c.outputPort(),
                        c.consumerTeam(),
                        c.consumerProduct(),
                        c.contractVersion()))
                .toList();
    }

    private static Consumer consumer(ResultSet rs, int row) throws SQLException {
        String provisioning = rs.getString("provisioning");
        return new Consumer(
                rs.getObject("id", UUID.class),
                rs.getString("product_id"),
                rs.getString("output_port"),
                rs.getString("output_port_version"),
                rs.getString("contract_id"),
                rs.getString("contract_version"),
                rs.getString("consumer_team"),
                rs.getString("consumer_product"),
                provisioning == null
                        ? null
                        : Provisioning.fromValue(provisioning).orElse(null),
                rs.getString("reconsent_version"));
    }
}
