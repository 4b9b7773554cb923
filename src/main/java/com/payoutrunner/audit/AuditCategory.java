package com.payoutrunner.audit;

import java.util.Locale;

public enum AuditCategory {

	OPERATIONAL, FINANCIAL, COMPLIANCE, TECHNICAL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
