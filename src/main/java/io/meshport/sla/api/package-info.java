/** The REST API of service levels: pipelines send observations; anyone signed in reads them and the runs. */
@NullMarked
package io.meshport.sla.api;

import org.jspecify.annotations.NullMarked;
