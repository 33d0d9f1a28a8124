// Sequential request rounds, counted from the simulator's request log
// (`GET /sim/requests`: `receivedAt` and `answeredAt` per request, epoch milliseconds).
//
// Definition. A request's round is 1 when no other request's answer was ready before
// it arrived; otherwise one more than the highest round among the requests whose
// answer was ready (`answeredAt`) no later than it arrived (`receivedAt`):
//
//   round(r) = 1 + max({0} ∪ { round(q) : q.answeredAt <= r.receivedAt })
//
// and the log's rounds are the highest round: the longest chain of requests each of
// which arrived after the one before it had been answered, i.e. how many times the
// user waited for Console one answer after another. A request the client sends as
// soon as another's answer arrives (round 2 of an application, pages 2..N of a
// search) is always counted one round later than that answer; requests sent together
// are counted in the same round as long as each arrives before any of them is
// answered. A plainer rule ("round k+1 starts when every answer of round k is in")
// would miss a search's pages 2..N, which leave as soon as their own page 1 is in,
// while the round's other answers may still be on their way.
//
// The count is exact when every answer takes longer than the spread of arrival times
// within a round (a few milliseconds on loopback): the end-to-end tests make sure of
// that with a simulator fault delaying each answer (`delayMs`), and the time-to-card
// measurement reports rounds at 50 and 150 ms of latency, where it holds. At 0 ms a
// request that reaches Console a little late may be counted a round later.

/** The log's entries with their round, in arrival order, and the number of rounds. */
export function countRounds(log) {
  const sorted = [...log].sort((a, b) => a.receivedAt - b.receivedAt);
  const rounds = [];
  sorted.forEach((request, i) => {
    let round = 1;
    for (let j = 0; j < i; j++) {
      if (sorted[j].answeredAt <= request.receivedAt) round = Math.max(round, rounds[j] + 1);
    }
    rounds.push(round);
  });
  return {
    rounds: rounds.length ? Math.max(...rounds) : 0,
    requests: sorted.map((request, i) => ({ ...request, round: rounds[i] })),
  };
}
