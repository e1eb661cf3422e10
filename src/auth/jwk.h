// JwkStore: the keys of one jwk_url. Fetched on start and whenever they expire (the answer's
// Cache-Control max-age or Expires; no such header: they do not expire), refetched when a
// token names an unknown kid, but at most once per `min_refetch_interval`, so garbage tokens
// cannot hammer the key server. One fetch at a time (others wait for it); a failed fetch keeps
// the previous keys. Lookups take a mutex for a pointer copy only; fetches run on a strand.
// Any thread; create with std::make_shared.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auth/clock.h"
#include "auth/keys.h"
#include "common/result.h"
#include "http/client.h"

namespace graft::auth {

struct JwkOptions {
  // Unknown-kid refetches, and retries after a failed fetch, wait at least this long.
  std::chrono::milliseconds min_refetch_interval{1000};
};

class JwkStore : public std::enable_shared_from_this<JwkStore> {
 public:
  // Fetches the JWK set once: an HTTP answer, or an error (the client bounds it in time).
  using Fetcher = std::function<boost::asio::awaitable<Result<http::ClientResponse>>()>;

  JwkStore(boost::asio::any_io_executor executor, std::string url, Fetcher fetch, Clock clock,
           JwkOptions options = {});

  // A fetcher that GETs `url` with `client` within `timeout`.
  static Fetcher httpFetcher(std::shared_ptr<http::HttpClient> client, std::string url,
                             std::chrono::milliseconds timeout);

  // The key to verify a token with: the one with `kid` (any when the token names none) that
  // accepts `alg`. invalid-jwt when there is none, even after a refetch.
  boost::asio::awaitable<Result<std::shared_ptr<const VerificationKey>>> key(
      std::optional<std::string> kid, Algorithm alg);

  // Starts a fetch in the background (at start-up, so the first request need not wait).
  void prefetch();

  size_t fetches() const;

 private:
  using KeySet = std::vector<std::shared_ptr<const VerificationKey>>;

  std::shared_ptr<const VerificationKey> find(const std::optional<std::string>& kid,
                                              Algorithm alg) const;
  // On strand_: fetches unless a fetch is running (then waits for it), the keys became fresh
  // meanwhile, or the rate limit says not yet.
  boost::asio::awaitable<void> refresh(bool unknown_kid);
  void apply(const Result<http::ClientResponse>& response, TimePoint now);

  boost::asio::strand<boost::asio::any_io_executor> strand_;
  std::string url_;
  Fetcher fetch_;
  Clock clock_;
  JwkOptions options_;

  boost::asio::steady_timer fetch_done_;  // strand_: waiters wait on it, the fetch cancels it
  bool in_flight_ = false;                // strand_

  mutable std::mutex mutex_;
  std::shared_ptr<const KeySet> keys_;     // mutex_
  bool loaded_ = false;                    // mutex_
  std::optional<TimePoint> expires_;       // mutex_
  std::optional<TimePoint> last_attempt_;  // mutex_
  size_t fetches_ = 0;                     // mutex_
};

}  // namespace graft::auth
