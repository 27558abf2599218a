package io.shareflow.support.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The error envelope for servlet web applications: {@link ApiExceptionHandler} for exceptions from
 * controllers, and an {@link ErrorController} in place of Boot's whitelabel/JSON one for everything else.
 * Runs before Boot's error auto-configuration so that Boot's {@code BasicErrorController} backs off.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public final class ShareflowWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiExceptionHandler shareflowApiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean(value = ErrorController.class, search = SearchStrategy.CURRENT)
    EnvelopeErrorController shareflowErrorController(ObjectProvider<ErrorAttributes> errorAttributes) {
        return new EnvelopeErrorController(errorAttributes.getIfAvailable(DefaultErrorAttributes::new));
    }
}
