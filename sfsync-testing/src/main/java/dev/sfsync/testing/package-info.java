/** The JUnit 5 extension around the emulator. */
package dev.sfsync.testing;
