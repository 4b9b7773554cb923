package com.payoutrunner.api;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.FieldText;

/**
 * The {@code comment} of an approval, rejection, cancellation or confirmation: a string
 * within {@code payout.limits.max-comment-chars}, with no NUL; anything else is a 400
 * naming the field before the action is tried.
 */
@Component
class RequestComments {

	private final int maxChars;

	RequestComments(InputLimits limits) {
		this.maxChars = limits.maxCommentChars();
	}

	String of(JsonNode body) {
		if (body == null || body.isNull() || body.isMissingNode()) {
			return null;
		}
		if (!body.isObject()) {
			throw Problems.invalidField("", "the body must be a JSON object");
		}
		JsonNode comment = body.get("comment");
		if (comment == null || comment.isNull()) {
			return null;
		}
		if (!comment.isString()) {
			throw Problems.invalidField("comment", "must be a string");
		}
		FieldText.problem(comment.asString(), maxChars).ifPresent(problem -> {
			throw Problems.invalidField("comment", problem);
		});
		return comment.asString();
	}

}
