package io.meshport.publishing.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.meshport.catalog.ProductStatus;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the toast after saving says: what really happened, not what the button was called. */
final class SaveMessage {

    private SaveMessage() {}

    /** Shows the toast; see {@link #of}. */
    static void show(
            String productId,
            @Nullable ProductStatus before,
            ProductStatus after,
            List<String> updatedContracts,
            List<String> createdContracts) {
        Notification.show(
                        of(productId, before, after, updatedContracts, createdContracts),
                        8000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * @param before the status when the form opened, or null for a new product
     * @param updatedContracts contracts in the catalog that the save replaced
     * @param createdContracts contracts the save added to the catalog
     */
    static String of(
            String productId,
            @Nullable ProductStatus before,
            ProductStatus after,
            List<String> updatedContracts,
            List<String> createdContracts) {
        String what;
        if (before == after || (before == null && after == ProductStatus.DRAFT)) {
            what = after == ProductStatus.DRAFT || after == ProductStatus.PROPOSED
                    ? "Saved draft " + productId
                    : "Saved " + productId;
        } else {
            what = switch (after) {
                case ACTIVE -> "Published " + productId;
                case DEPRECATED -> "Deprecated " + productId;
                case RETIRED -> "Retired " + productId;
                case PROPOSED -> "Proposed " + productId;
                case DRAFT -> "Saved draft " + productId;
            };
        }
        List<String> parts = new ArrayList<>();
        parts.add(what);
        updatedContracts.forEach(contract -> parts.add("contract " + contract + " updated"));
        createdContracts.forEach(contract -> parts.add("contract " + contract + " created"));
        return String.join("; ", parts);
    }
}
