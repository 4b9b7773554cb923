package com.payoutrunner.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and summary of the OpenAPI description at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI payoutRunnerApi() {
		return new OpenAPI().info(new Info().title("Payout Runner API")
			.version("v1")
			.description("Payouts one by one (idempotent, held against balances, approved above thresholds), payout "
					+ "runs and schedules for operators. Errors are RFC 9457 problem details."));
	}

}
