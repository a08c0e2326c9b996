package io.meshport.catalog;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * What another feature puts beside an output port on the product page's "Ports and contracts" tab
 * (access: "Request access"). The feature registers a Spring bean; the catalog shows the
 * component without depending on that feature, as with {@link ProductPageSection}.
 */
public interface PortActions {

    /** The component to show beside the port for the signed-in caller; empty when there is nothing to offer. */
    Optional<Component> beside(ProductDetails product, ProductDetails.OutputPortView port);
}
