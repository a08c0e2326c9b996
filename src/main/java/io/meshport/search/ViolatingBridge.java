package io.meshport.search;

import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;

/**
 * Indexes how many policies a product violates as whether it violates any ({@code true} or {@code
 * false}): the facet Explore counts and filters by. One way only; the count itself is a field of
 * its own.
 */
public class ViolatingBridge implements ValueBridge<Integer, String> {

    public static final String VIOLATING = "true";
    public static final String KEEPING = "false";

    @Override
    public String toIndexedValue(Integer value, ValueBridgeToIndexedValueContext context) {
        return value > 0 ? VIOLATING : KEEPING;
    }
}
