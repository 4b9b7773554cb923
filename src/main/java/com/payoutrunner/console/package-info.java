/**
 * The operators' console: server-rendered pages (Thymeleaf, a little htmx) that
 * {@code serve} shows at {@code /}, over the same services as the API. Its access rules
 * are the security module's ({@code ConsoleSecurityConfiguration}); nothing depends on
 * this module.
 */
package com.payoutrunner.console;
