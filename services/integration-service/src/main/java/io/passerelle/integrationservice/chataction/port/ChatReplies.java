package io.passerelle.integrationservice.chataction.port;

/** Answers in the chat (port). */
public interface ChatReplies {

    /**
     * Posts an ephemeral message to a Slack interaction's {@code response_url}.
     *
     * @throws ReplyFailedException the URL refused, or Slack could not be reached: retry later
     */
    void slack(String responseUrl, String text);

    /** The answer could not be posted. */
    final class ReplyFailedException extends RuntimeException {

        /** @param retryable whether posting again later may work (I/O error, 5xx, 429) */
        public ReplyFailedException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        private final boolean retryable;

        public boolean retryable() {
            return retryable;
        }
    }
}
