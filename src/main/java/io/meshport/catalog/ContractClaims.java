package io.meshport.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may provide a contract (docs/decisions/0012-contract-claims.md): the team that owns it, or,
 * while it is not in the catalog, the first team whose product provides it. Contract ids are
 * compared regardless of case, as ids are unique regardless of case.
 */
@Component
class ContractClaims {

    /** Serialises claims, so that two teams claiming one new contract id at once cannot both win. */
    private static final long CLAIM_LOCK = 0x4d65_7368_436c_6169L;

    /** A product that provides a contract, with its team. */
    record Provider(String productId, String team) {}

    private final JdbcClient jdbc;

    ContractClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", CLAIM_LOCK)
                .query()
                .singleValue();
    }

    /**
     * The first product (by creation) that provides the contract, but {@code exceptProductId}: its
     * team has reserved a contract id that is not in the catalog.
     */
    Optional<Provider> firstProvider(String contractId, @Nullable String exceptProductId) {
        return jdbc.sql("""
                        select p.id, p.owner_team
                          from product_output_port port
                          join data_product p on p.id = port.product_id
                         where lower(port.contract_id) = lower(:contract)
                           and p.id <> :except
                         order by p.created_at, p.id
                         limit 1
                        """)
                .param("contract", contractId)
                .param("except", exceptProductId == null ? "" : exceptProductId)
                .query((rs, row) -> new Provider(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** The owning team of the contract with this id regardless of case, if it is in the catalog. */
    Optional<String> owner(String contractId) {
        return jdbc.sql("select owner_team from data_contract where lower(id) = lower(:id) order by created_at limit 1")
                .param("id", contractId)
                .query(String.class)
                .optional();
    }

    /** Every output port whose product's team may not provide its contract, by contract id. */
    List<ContractConflict> conflicts() {
        return jdbc.sql("""
                        select port.contract_id, p.id, p.owner_team, port.name, port.version, c.owner_team,
                               array(select distinct q.owner_team
                                       from product_output_port other
                                       join data_product q on q.id = other.product_id
                                      where lower(other.contract_id) = lower(port.contract_id)
                                        and q.owner_team <> p.owner_team
                                      order by q.owner_team) as other_teams
                          from product_output_port port
                          join data_product p on p.id = port.product_id
                          left join data_contract c on lower(c.id) = lower(port.contract_id)
                         where port.contract_id is not null
                           and ((c.id is not null and c.owner_team <> p.owner_team)
                             or (c.id is null and exists (
                                    select 1
                                      from product_output_port other
                                      join data_product q on q.id = other.product_id
                                     where lower(other.contract_id) = lower(port.contract_id)
                                       and q.owner_team <> p.owner_team)))
                         order by lower(port.contract_id), p.id, port.position
                        """)
                .query((rs, row) -> new ContractConflict(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Arrays.asList((String[]) rs.getArray(7).getArray())))
                .list();
    }

    /** Ids of products and of contracts that differ only in case. */
    List<IdLookAlikes> lookAlikes() {
        return jdbc.sql("""
                        select 'product', array_agg(id order by created_at, id) from data_product
                         group by lower(id) having count(*) > 1
                        union all
                        select 'contract', array_agg(id order by created_at, id) from data_contract
                         group by lower(id) having count(*) > 1
                         order by 1 desc, 2
                        """)
                .query((rs, row) -> new IdLookAlikes(
                        rs.getString(1), Arrays.asList((String[]) rs.getArray(2).getArray())))
                .list();
    }
}
