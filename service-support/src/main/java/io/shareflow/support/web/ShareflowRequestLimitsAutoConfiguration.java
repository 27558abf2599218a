package io.shareflow.support.web;

import javax.xml.stream.XMLInputFactory;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.xml.XmlMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.XmlFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.XmlMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.xml.StaxUtils;

/**
 * What every service refuses before a request reaches its code (DESIGN.md "Limits and abuse"):
 * <ul>
 *   <li>a body over {@code shareflow.web.max-request-body} (64 KiB): 413, by {@link RequestBodyLimitFilter};</li>
 *   <li>an unknown field in a JSON or XML body: 400 naming it ({@code recipients[0].notfy}) — Boot turns Jackson's
 *       {@code FAIL_ON_UNKNOWN_PROPERTIES} off, this turns it back on for Boot's {@code JsonMapper} and {@code XmlMapper}
 *       (so the MVC converters and every other user of those beans are strict); a fraction for a whole number
 *       ({@code 1.5}) is a wrong type in JSON, not truncated;</li>
 *   <li>XML with a DTD or external entities (XXE, billion laughs): a StAX input factory without DTD support or
 *       entity resolution, whatever Jackson's default is;</li>
 *   <li>XML lists inside items unwrapped: {@code <shares>…</shares><shares>…</shares>}, one element per entry with
 *       the JSON field's name, for reading and writing;</li>
 *   <li>deep nesting: Jackson's {@code StreamReadConstraints} (500 levels by default, Boot's
 *       {@code spring.jackson.factory.constraints.read.max-nesting-depth}), answered as a 400.</li>
 * </ul>
 * The customizers run after Boot's own ({@link Ordered#LOWEST_PRECEDENCE}), so {@code spring.jackson.*} cannot turn
 * the strictness off by accident.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(RequestLimitSettings.class)
public final class ShareflowRequestLimitsAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer shareflowStrictJson() {
        return new StrictJson();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestBodyLimitFilter> shareflowRequestBodyLimitFilter(RequestLimitSettings settings) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(settings.maxRequestBody().toBytes()));
        // Before Spring Security (-100) and everything else that might read the body; after tracing.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("shareflowRequestBodyLimitFilter");
        return registration;
    }

    /**
     * Tomcat reads form posts ({@code /s/{token}}, {@code /register/{token}}) itself, past the filter's counting
     * stream: the same limit as its maximum form post size (2 MB by default), so a chunked form is cut at 64 KiB too.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatConnectorCustomizer.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatForms {

        @Bean
        TomcatConnectorCustomizer shareflowFormPostLimit(RequestLimitSettings settings) {
            return connector -> connector.setMaxPostSize((int) Math.min(Integer.MAX_VALUE,
                    settings.maxRequestBody().toBytes()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(XmlMapper.class)
    static class Xml {

        @Bean
        XmlMapperBuilderCustomizer shareflowStrictXml() {
            return new StrictXml();
        }

        @Bean
        XmlFactoryBuilderCustomizer shareflowDefensiveXmlInput() {
            return new DefensiveXmlInput();
        }
    }

    private static final class StrictJson implements JsonMapperBuilderCustomizer, Ordered {

        @Override
        public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
            builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            // 1.5 for a whole number is a wrong type (400 naming the field), not 1.
            builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static final class StrictXml implements XmlMapperBuilderCustomizer, Ordered {

        @Override
        public void customize(XmlMapper.Builder builder) {
            builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            // A list inside an item is one element per entry, named as the JSON field, without a wrapper of the same
            // name (Jackson's default gave <shares><shares>…</shares></shares>). The envelopes' own lists keep their
            // declared wrappers (<data><item>, <errors><error>).
            builder.defaultUseWrapper(false);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static final class DefensiveXmlInput implements XmlFactoryBuilderCustomizer, Ordered {

        @Override
        public void customize(tools.jackson.dataformat.xml.XmlFactoryBuilder builder) {
            // Spring's defensive factory: no DTD, no external entities, a resolver that resolves nothing.
            XMLInputFactory input = StaxUtils.createDefensiveInputFactory();
            builder.xmlInputFactory(input);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
