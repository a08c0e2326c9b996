package io.meshport.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** One clock for the whole portal, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
