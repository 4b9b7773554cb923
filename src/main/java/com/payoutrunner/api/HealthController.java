package com.payoutrunner.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: the Actuator health (database, scheduler) under the API's
 * path.
 */
@RestController
class HealthController {

	private final HealthEndpoint health;

	HealthController(HealthEndpoint health) {
		this.health = health;
	}

	@GetMapping("/api/health")
	ResponseEntity<Map<String, Object>> health() {
		var descriptor = health.health();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", descriptor.getStatus().getCode());
		body.put("details", "/actuator/health");
		return ResponseEntity.status("UP".equals(descriptor.getStatus().getCode()) ? 200 : 503).body(body);
	}

}
