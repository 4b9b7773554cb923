package com.payoutrunner.partitioning;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the manager asks a worker: run this partition (a step execution the manager
 * created) with that worker step. As JSON text on the wire, not Java serialization, so
 * that a message is readable in the broker's console and never deserializes classes.
 */
record PartitionRequest(String step, long stepExecutionId) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	byte[] toJson() {
		return JSON
			.writeValueAsString(JSON.createObjectNode().put("step", step).put("step_execution_id", stepExecutionId))
			.getBytes(StandardCharsets.UTF_8);
	}

	static PartitionRequest fromJson(byte[] body) {
		JsonNode node = JSON.readTree(body);
		if (!node.path("step").isString() || !node.path("step_execution_id").canConvertToLong()) {
			throw new IllegalArgumentException("not a partition request: " + new String(body, StandardCharsets.UTF_8));
		}
		return new PartitionRequest(node.path("step").asString(), node.path("step_execution_id").asLong());
	}

}
