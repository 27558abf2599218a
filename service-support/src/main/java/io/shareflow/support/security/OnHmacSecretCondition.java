package io.shareflow.support.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code shareflow.security.jwt.hmac-secret} has text. Unlike {@code @ConditionalOnProperty},
 * an empty value (a compose file's {@code ${SECRET:-}}) counts as unset.
 */
class OnHmacSecretCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String secret = context.getEnvironment().getProperty("shareflow.security.jwt.hmac-secret");
        return StringUtils.hasText(secret)
                ? ConditionOutcome.match("shareflow.security.jwt.hmac-secret is set")
                : ConditionOutcome.noMatch("shareflow.security.jwt.hmac-secret is not set");
    }
}
