#include "auth/jwk.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "auth/cache_control.h"
#include "auth/jwt.h"
#include "common/log.h"

namespace graft::auth {

namespace asio = boost::asio;
namespace bj = boost::json;

JwkStore::JwkStore(asio::any_io_executor executor, std::string url, Fetcher fetch, Clock clock,
                   JwkOptions options)
    : strand_(asio::make_strand(executor)),
      url_(std::move(url)),
      fetch_(std::move(fetch)),
      clock_(std::move(clock)),
      options_(options),
      fetch_done_(strand_),
      keys_(std::make_shared<const KeySet>()) {}

JwkStore::Fetcher JwkStore::httpFetcher(std::shared_ptr<http::HttpClient> client, std::string url,
                                        std::chrono::milliseconds timeout) {
  return [client = std::move(client), url = std::move(url),
          timeout]() -> asio::awaitable<Result<http::ClientResponse>> {
    http::ClientRequest request;
    request.url = url;
    request.timeout = timeout;
    request.max_response_bytes = 1024 * 1024;
    request.headers.emplace_back("Accept", "application/json");
    auto response = co_await client->send(std::move(request));
    co_return response;
  };
}

std::shared_ptr<const VerificationKey> JwkStore::find(const std::optional<std::string>& kid,
                                                      Algorithm alg) const {
  std::shared_ptr<const KeySet> keys;
  {
    std::lock_guard lock(mutex_);
    keys = keys_;
  }
  for (const auto& key : *keys) {
    if (kid && key->kid() != *kid) continue;
    if (key->accepts(alg)) return key;
  }
  return nullptr;
}

asio::awaitable<Result<std::shared_ptr<const VerificationKey>>> JwkStore::key(
    std::optional<std::string> kid, Algorithm alg) {
  bool fresh;
  {
    std::lock_guard lock(mutex_);
    fresh = loaded_ && (!expires_ || clock_() < *expires_);
  }
  if (fresh) {
    if (auto found = find(kid, alg)) co_return found;
  }
  auto self = shared_from_this();
  auto refreshing = asio::co_spawn(strand_, refresh(fresh), asio::use_awaitable);
  co_await std::move(refreshing);
  if (auto found = find(kid, alg)) co_return found;
  co_return std::unexpected(invalidJwt("JWSError NoUsableKeys"));
}

void JwkStore::prefetch() {
  auto self = shared_from_this();
  asio::co_spawn(
      strand_, [self]() -> asio::awaitable<void> { co_await self->refresh(false); },
      asio::detached);
}

size_t JwkStore::fetches() const {
  std::lock_guard lock(mutex_);
  return fetches_;
}

asio::awaitable<void> JwkStore::refresh(bool unknown_kid) {
  auto self = shared_from_this();
  if (in_flight_) {
    // Another request is fetching: its result is ours too.
    co_await fetch_done_.async_wait(asio::as_tuple(asio::use_awaitable));
    co_return;
  }
  TimePoint now = clock_();
  {
    std::lock_guard lock(mutex_);
    bool fresh = loaded_ && (!expires_ || now < *expires_);
    if (fresh && !unknown_kid) co_return;  // a fetch finished while we queued
    if (last_attempt_ && now - *last_attempt_ < options_.min_refetch_interval) {
      co_return;  // rate-limited: the previous keys (if any) stand
    }
    last_attempt_ = now;
    ++fetches_;
  }
  in_flight_ = true;
  fetch_done_.expires_at(asio::steady_timer::time_point::max());
  Result<http::ClientResponse> response = std::unexpected(Error::unexpected("not fetched"));
  try {
    response = co_await fetch_();
  } catch (const std::exception& e) {
    response = std::unexpected(Error::unexpected(e.what()));
  }
  apply(response, clock_());
  in_flight_ = false;
  fetch_done_.cancel();
}

void JwkStore::apply(const Result<http::ClientResponse>& response, TimePoint now) {
  auto failed = [&](const std::string& why) {
    log::warn("jwk-refresh-log", "jwk-refresh", "Error fetching JWK from " + url_ + ": " + why);
  };
  if (!response) return failed(response.error().message());
  if (response->status < 200 || response->status > 299) {
    return failed("Non-2xx response (" + std::to_string(response->status) + ")");
  }
  boost::system::error_code ec;
  bj::value body = bj::parse(response->body, ec);
  if (ec || !body.is_object() || !body.as_object().contains("keys") ||
      !body.as_object().at("keys").is_array()) {
    return failed("the answer is not a JWK set");
  }
  auto keys = std::make_shared<KeySet>();
  for (const auto& item : body.as_object().at("keys").as_array()) {
    if (!item.is_object()) continue;
    const bj::object& jwk = item.as_object();
    if (auto use = jwk.find("use"); use != jwk.end() && use->value() != "sig") continue;
    auto key = VerificationKey::fromJwk(jwk);
    if (!key) {
      log::warn("jwk-refresh-log", "jwk-refresh",
                "skipping a key of " + url_ + ": " + key.error().message());
      continue;
    }
    keys->push_back(std::move(*key));
  }
  auto lifetime =
      cacheLifetime(response->header("cache-control"), response->header("expires"), now);
  std::lock_guard lock(mutex_);
  keys_ = std::move(keys);
  loaded_ = true;
  expires_ = lifetime ? std::optional<TimePoint>(now + *lifetime) : std::nullopt;
}

}  // namespace graft::auth
