package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PartitionRequestTests {

	@Test
	void aRequestTravelsAsJsonText() {
		PartitionRequest request = new PartitionRequest("submitBatchLinesPartitionStep", 42);

		byte[] body = request.toJson();

		assertThat(new String(body, StandardCharsets.UTF_8))
			.isEqualTo("{\"step\":\"submitBatchLinesPartitionStep\",\"step_execution_id\":42}");
		assertThat(PartitionRequest.fromJson(body)).isEqualTo(request);
	}

	@Test
	void anythingElseIsRefusedNamingWhatCame() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PartitionRequest.fromJson("{\"step\":1}".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("not a partition request");
	}

}
