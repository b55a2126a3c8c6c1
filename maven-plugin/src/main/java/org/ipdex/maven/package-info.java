/**
 * {@code ipdex-maven-plugin}: the goals {@code lint}, {@code diff} and {@code publish} for an office whose API is built
 * with Maven. Each goal is a thin Mojo over the command-line tool's classes ({@code SpecLinter}, {@code Sarif},
 * {@code SpecDiffer}, {@code Publisher}), so the build and {@code ipdex} on a desk judge a spec the same way. What the
 * goals add is Maven's: parameters, the key from {@code settings.xml}, reports under {@code target/ipdex}, and a
 * failed build instead of an exit code.
 */
package org.ipdex.maven;
