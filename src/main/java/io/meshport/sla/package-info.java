/**
 * Service levels, declared and measured: the objectives of each output port's contract
 * ({@code slaProperties}), the observations pipelines send, and compliance computed from them over
 * rolling windows. {@link io.meshport.sla.SlaService} is the only way in.
 */
@NullMarked
package io.meshport.sla;

import org.jspecify.annotations.NullMarked;
