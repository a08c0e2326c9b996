/** The REST API of service levels: pipelines send observations. */
@NullMarked
package io.meshport.sla.api;

import org.jspecify.annotations.NullMarked;
