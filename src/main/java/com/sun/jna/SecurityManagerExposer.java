package com.sun.jna;

/**
 * Stands in for JNA's class of this name, which the build leaves out of vaina.jar (pom.xml). JNA's {@code Native}
 * loads that class when it loads, for a way to find its caller on JVMs without {@code StackWalker}; it extends
 * {@code java.lang.SecurityManager}, whose static initializer walks every package of the JDK's modules: 13-17 ms
 * of each launcher's and each monitor's start. This one extends nothing and has no {@code getClassContext}, so
 * {@code Native} finds no such way (it catches that) and uses {@code StackWalker}, as it does on JDK 9 and later
 * anyway. vaina never asks JNA for its caller (it names every library's interface).
 */
final class SecurityManagerExposer {
    private SecurityManagerExposer() {
    }
}
