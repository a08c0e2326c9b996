package io.meshport.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * A test whose meaning exists only on the embedded Lucene index (it reaches into Lucene in this
 * JVM); skipped, with the reason given, when its class runs on OpenSearch ({@link
 * MeshportTestOnOpenSearch}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LuceneOnly.Condition.class)
public @interface LuceneOnly {

    /** Why the test has no meaning on a cluster. */
    String value();

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean onCluster = context.getTestClass()
                    .map(type -> AnnotatedElementUtils.hasAnnotation(type, MeshportTestOnOpenSearch.class))
                    .orElse(false);
            if (!onCluster) {
                return ConditionEvaluationResult.enabled("on the embedded Lucene index");
            }
            String reason = context.getElement()
                    .map(element -> AnnotatedElementUtils.findMergedAnnotation(element, LuceneOnly.class))
                    .map(LuceneOnly::value)
                    .orElse("Lucene only");
            return ConditionEvaluationResult.disabled("Lucene only: " + reason);
        }
    }
}
