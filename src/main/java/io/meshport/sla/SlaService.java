package io.meshport.sla;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only way into service levels: observations in, compliance and consistency out. */
@Service
@Transactional(readOnly = true)
public class SlaService {

    // Skeleton shared by the sla and review work; the sla work replaces these bodies.

    /** The worst compliance status (30-day window) of each given product; absent ids are NO_DATA. */
    public Map<String, ComplianceStatus> summaries(Collection<String> productIds) {
        return Map.of();
    }

    /** Where the product promises more than its upstream products promise. */
    public List<SlaConsistencyWarning> consistencyWarnings(String productId) {
        return List.of();
    }
}
