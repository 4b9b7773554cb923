package com.payoutrunner.schedule;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.quartz.CronTrigger;

/**
 * What the scheduler does with a fire it missed (every instance was down, or busy, past
 * Quartz's misfire threshold). Either way a run picks up every payout waiting for it, so
 * missed fires are never replayed one by one.
 */
public enum MisfirePolicy {

	/** Run once as soon as the scheduler is back, then keep to the schedule. */
	FIRE_ONCE_NOW("fire-once-now", CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),

	/** Drop what was missed and wait for the next scheduled fire. */
	SKIP("skip", CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);

	private final String code;

	private final int quartzInstruction;

	MisfirePolicy(String code, int quartzInstruction) {
		this.code = code;
		this.quartzInstruction = quartzInstruction;
	}

	/** The value written in jobs/schedules.yaml. */
	public String code() {
		return code;
	}

	/** The Quartz cron trigger misfire instruction. */
	public int quartzInstruction() {
		return quartzInstruction;
	}

	/**
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static MisfirePolicy fromCode(String code) {
		return Arrays.stream(values())
			.filter(policy -> policy.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown misfire policy '" + code + "' (expected "
					+ Arrays.stream(values()).map(MisfirePolicy::code).collect(Collectors.joining(" or ")) + ")"));
	}

}
