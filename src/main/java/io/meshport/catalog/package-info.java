/**
 * The data product catalog: ODPS documents stored as published, with the columns the portal
 * queries. {@link io.meshport.catalog.CatalogService} is the only way in.
 */
@NullMarked
package io.meshport.catalog;

import org.jspecify.annotations.NullMarked;
