package io.meshport.search;

import io.meshport.catalog.ProductStatus;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeFromIndexedValueContext;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;

/** Indexes a status as ODPS spells it ({@code active}), so facets and filters use that word. */
public class ProductStatusBridge implements ValueBridge<ProductStatus, String> {

    @Override
    public String toIndexedValue(ProductStatus value, ValueBridgeToIndexedValueContext context) {
        return value.value();
    }

    @Override
    public ProductStatus fromIndexedValue(String value, ValueBridgeFromIndexedValueContext context) {
        return ProductStatus.fromValue(value);
    }
}
