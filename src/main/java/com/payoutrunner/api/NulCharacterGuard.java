package com.payoutrunner.api;

import java.lang.reflect.Type;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a JSON body with a NUL character in any string (PostgreSQL cannot store one in
 * text, so it would fail deep in a transaction): 400 naming the field by its path, before
 * any controller acts on it.
 */
@RestControllerAdvice
class NulCharacterGuard extends RequestBodyAdviceAdapter {

	private final JsonMapper json;

	NulCharacterGuard(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType != byte[].class && targetType != String.class;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		JsonNode tree = body instanceof JsonNode node ? node : json.valueToTree(body);
		String field = fieldWithNul(tree, "");
		if (field != null) {
			throw Problems.invalidField(field, "contains a NUL character");
		}
		return body;
	}

	/** The path of the first string (or name) holding a NUL, or null. */
	static String fieldWithNul(JsonNode node, String path) {
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			return node.asString().indexOf('\0') >= 0 ? path : null;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String name = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
				if (property.getKey().indexOf('\0') >= 0) {
					return name.replace('\0', '?');
				}
				String found = fieldWithNul(property.getValue(), name);
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = fieldWithNul(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
