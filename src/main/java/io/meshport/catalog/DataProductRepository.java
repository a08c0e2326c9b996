package io.meshport.catalog;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DataProductRepository extends JpaRepository<DataProduct, String> {

    Slice<DataProduct> findAllBy(Pageable pageable);

    /** Ids and revisions after an id, in id order: a keyset page for whole-catalog checks. */
    @Query("""
            select new io.meshport.catalog.ProductRevisions$Revision(p.id, p.lockVersion)
              from DataProduct p where p.id > :afterId order by p.id
            """)
    List<ProductRevisions.Revision> findRevisionsAfter(@Param("afterId") String afterId, Pageable page);

    @Query("select distinct p.domain from DataProduct p where p.domain is not null order by p.domain")
    List<String> findDomains();

    @Query("select distinct p.ownerTeam from DataProduct p order by p.ownerTeam")
    List<String> findOwnerTeams();

    List<DataProduct> findByOwnerTeamInOrderByNameAscIdAsc(Collection<String> teams);

    @Query("""
            select new io.meshport.catalog.PortChoice(p.id, p.name, o.name, o.version, o.contractId)
              from DataProduct p join p.outputPorts o
             where o.contractId is not null
             order by p.name, o.name, o.version
            """)
    List<PortChoice> findPortChoices();

    /** Products that consume a contract one of this product's output ports provides. */
    @Query(value = """
                    select distinct consumer.product_id
                      from product_output_port provided
                      join product_input_port consumer on consumer.contract_id = provided.contract_id
                     where provided.product_id = :id and consumer.product_id <> :id
                    union
                    select distinct consumer.product_id
                      from product_output_port provided
                      join product_output_port consumer on provided.contract_id = any (consumer.input_contracts)
                     where provided.product_id = :id and consumer.product_id <> :id
                    order by 1
                    """, nativeQuery = true)
    List<String> findDownstreamIds(@Param("id") String id);

    /** Products whose input ports read the contract: id, name and owning team. */
    @Query(value = """
                    select distinct p.id, p.name, p.owner_team
                      from product_input_port i join data_product p on p.id = i.product_id
                     where i.contract_id = :contractId
                     order by p.id
                    """, nativeQuery = true)
    List<Object[]> findConsumersOf(@Param("contractId") String contractId);

    /** Other products whose name is the same, ignoring case and surrounding blanks. */
    @Query("""
            select p from DataProduct p
             where lower(trim(p.name)) = lower(trim(:name)) and p.id <> :exceptId
             order by p.id
            """)
    List<DataProduct> findOthersNamed(@Param("name") String name, @Param("exceptId") String exceptId);

    @Query(
            value = "select distinct product_id from product_output_port where contract_id = :contractId",
            nativeQuery = true)
    List<String> findIdsOfferingContract(@Param("contractId") String contractId);

    /** The ids equal to this one regardless of case (the same, and look-alikes). */
    @Query(value = "select id from data_product where lower(id) = lower(:id) order by id", nativeQuery = true)
    List<String> findIdsRegardlessOfCase(@Param("id") String id);

    /** Which products provide a contract through an output port. */
    @Query(value = """
                    select product_id || ' ' || name || ' ' || version
                      from product_output_port where contract_id = :contractId order by product_id
                    """, nativeQuery = true)
    List<String> findProvidersOf(@Param("contractId") String contractId);
}
