package io.meshport.catalog;

import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.identity.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The way into the catalog, for the UI and the API alike. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class CatalogService {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final DataProductRepository products;
    private final CurrentIdentity currentIdentity;
    private final UserDirectory users;
    private final Clock clock;

    CatalogService(DataProductRepository products, CurrentIdentity currentIdentity, UserDirectory users, Clock clock) {
        this.products = products;
        this.currentIdentity = currentIdentity;
        this.users = users;
        this.clock = clock;
    }

    /** One page of the catalog in name order; a slice, so no count query runs per page. */
    public Slice<DataProductSummary> list(Pageable pageable) {
        Pageable ordered = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("name", "id"));
        return products.findAllBy(ordered).map(DataProductSummary::of);
    }

    public long count() {
        return products.count();
    }

    public Optional<DataProductSummary> find(String id) {
        return products.findById(id).map(DataProductSummary::of);
    }

    /**
     * Creates or replaces a product from an ODPS document (YAML or JSON). The owning team is the
     * document's {@code team.name}; the caller must be allowed to act for it and, on a replace,
     * for the team that owns the product now.
     */
    @Transactional
    public DataProductSummary publish(String odps) {
        Identity caller = currentIdentity.require();
        JsonNode document = YAML.readTree(odps);
        String team = document.path("team").path("name").asString("");
        if (team.isBlank() || !caller.mayActFor(team)) {
            throw new AccessDeniedException(caller.username() + " may not publish for team '" + team + "'");
        }
        ProductDocument parsed = ProductDocument.of(document, team);
        Instant now = clock.instant();
        DataProduct product = products.findById(parsed.id()).orElseGet(() -> new DataProduct(parsed.id(), now));
        if (!product.ownerTeam().isEmpty() && !caller.mayActFor(product.ownerTeam())) {
            throw new AccessDeniedException(
                    caller.username() + " is not in team '" + product.ownerTeam() + "', which owns " + parsed.id());
        }
        product.apply(parsed, now, users.record(caller));
        return DataProductSummary.of(products.save(product));
    }
}
