/**
 * Business calendars (TARGET, England, the Federal Reserve) and the rails' cut-offs: the
 * value date of a payout handed to a rail at a given time. Pure rules, shared by the run,
 * the bank files and the schedules.
 */
package com.payoutrunner.calendar;
