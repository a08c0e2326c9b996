package io.meshport.lineage;

import io.meshport.access.AgreementReadModel;
import io.meshport.access.AgreementReadModel.Consumer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The approved agreements one lineage question has read so far, by provider product and by
 * consumer product: each product is asked about once, however many rounds the walk takes, and in
 * batches (docs/decisions/0025-agreements-in-lineage.md).
 */
final class AgreementLinks {

    private final AgreementReadModel agreements;
    private final Map<String, List<Consumer>> byProvider = new HashMap<>();
    private final Map<String, List<Consumer>> byConsumer = new HashMap<>();

    AgreementLinks(AgreementReadModel agreements) {
        this.agreements = agreements;
    }

    /** The agreements on the output ports of these products. */
    List<Consumer> on(Collection<String> providers) {
        List<String> missing =
                providers.stream().filter(id -> !byProvider.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            missing.forEach(id -> byProvider.put(id, new ArrayList<>()));
            agreements.consumersOf(missing).forEach(c -> byProvider
                    .computeIfAbsent(c.productId(), id -> new ArrayList<>())
                    .add(c));
        }
        List<Consumer> found = new ArrayList<>();
        providers.forEach(id -> found.addAll(byProvider.getOrDefault(id, List.of())));
        return found;
    }

    /** The agreements these products read through (as their consumer product). */
    List<Consumer> readBy(Collection<String> consumers) {
        List<String> missing =
                consumers.stream().filter(id -> !byConsumer.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            missing.forEach(id -> byConsumer.put(id, new ArrayList<>()));
            agreements.readBy(missing).forEach(c -> {
                if (c.consumerProduct() != null) {
                    byConsumer
                            .computeIfAbsent(c.consumerProduct(), id -> new ArrayList<>())
                            .add(c);
                }
            });
        }
        List<Consumer> found = new ArrayList<>();
        consumers.forEach(id -> found.addAll(byConsumer.getOrDefault(id, List.of())));
        return found;
    }

    /** Every agreement read so far, once each. */
    Collection<Consumer> all() {
        Map<UUID, Consumer> all = new LinkedHashMap<>();
        byProvider.values().forEach(list -> list.forEach(c -> all.putIfAbsent(c.agreementId(), c)));
        byConsumer.values().forEach(list -> list.forEach(c -> all.putIfAbsent(c.agreementId(), c)));
        return all.values();
    }
}
