package com.payoutrunner.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (Spring Security takes the form's POST to {@code /login}) and the
 * console's front door.
 */
@Controller
class SignInController {

	@GetMapping("/login")
	String signIn() {
		return "console/login";
	}

	@GetMapping("/")
	String home() {
		return "redirect:/runs";
	}

}
