package org.landrelease.config;

/**
 * A command line that cannot run: an unknown option, a missing or malformed value, a surplus argument, or options
 * that exclude each other. Main prints the message as one line and exits with 2; {@link #help} is --help, printed
 * whole with exit 0.
 */
public final class ArgumentException extends IllegalArgumentException {
  private final String usage;

  /** An error; its message names the argument at fault. */
  public ArgumentException(String message) {
    super(message);
    this.usage = null;
  }

  private ArgumentException(String message, String usage) {
    super(message);
    this.usage = usage;
  }

  /** --help was asked: not an error, the answer is the usage text. */
  static ArgumentException help(String usage) {
    return new ArgumentException("help", usage);
  }

  /** The usage text when --help was asked, else null. */
  public String help() {
    return usage;
  }
}
