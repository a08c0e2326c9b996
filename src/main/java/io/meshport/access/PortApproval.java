package io.meshport.access;

import io.meshport.catalog.CatalogReadModel;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How an output port has requests for it decided, as the product's document says in the port's
 * custom property {@code accessApproval}: {@code automatic}, or {@code owners} (the default, also
 * for any other value, so that a typo never opens a port).
 */
@Component
class PortApproval {

    static final String PROPERTY = "accessApproval";

    /** Who decides. */
    enum Mode {
        OWNERS,
        AUTOMATIC
    }

    private final CatalogReadModel catalog;

    PortApproval(CatalogReadModel catalog) {
        this.catalog = catalog;
    }

    Mode of(String productId, String outputPort, String outputPortVersion) {
        return catalog.outputPortProperty(productId, outputPort, outputPortVersion, PROPERTY)
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter("automatic"::equals)
                .map(value -> Mode.AUTOMATIC)
                .orElse(Mode.OWNERS);
    }

    boolean automatic(String productId, String outputPort, String outputPortVersion) {
        return of(productId, outputPort, outputPortVersion) == Mode.AUTOMATIC;
    }
}
