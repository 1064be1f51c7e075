#include "sim/engine/LiveRun.hpp"

#include "sim/engine/Simulation.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace hg {

double SteadyClock::now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void SteadyClock::wait(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, double s) {
  cv.wait_for(lock, std::chrono::duration<double>(s));
}

LiveRun::LiveRun(Simulation& sim, LiveOptions opt, InputJournal* journal, WallClock* clock)
    : sim_(sim), opt_(opt), journal_(journal) {
  if (!clock) {
    own_clock_ = std::make_unique<SteadyClock>();
    clock = own_clock_.get();
  }
  clock_ = clock;
  status_.paused = opt_.start_paused;
  status_.pace = opt_.pace;
  status_.t_s = sim_.now();
  status_.end_s = sim_.end_s();
}

LiveRun::~LiveRun() {
  std::lock_guard<std::mutex> lock(m_);
  for (auto& p : queue_)
    p.done.set_exception(std::make_exception_ptr(std::invalid_argument("the run stopped before this input")));
}

std::future<RunInput> LiveRun::submit(RunInput in) {
  Pending p{std::move(in), {}};
  auto f = p.done.get_future();
  {
    std::lock_guard<std::mutex> lock(m_);
    if (status_.ended || stop_) {
      p.done.set_exception(std::make_exception_ptr(std::invalid_argument("the run has ended")));
      return f;
    }
    queue_.push_back(std::move(p));
  }
  cv_.notify_all();
  return f;
}

void LiveRun::stop() {
  {
    std::lock_guard<std::mutex> lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
}

LiveStatus LiveRun::status() const {
  std::lock_guard<std::mutex> lock(m_);
  return status_;
}

void LiveRun::anchor() {
  wall0_ = clock_->now_s();
  sim0_ = sim_.now();
}

void LiveRun::apply_clock(const RunInput& in) {
  const std::string op = in.body.value("op", "");
  std::lock_guard<std::mutex> lock(m_);
  if (in.body.contains("pace")) status_.pace = in.body["pace"].get<double>();
  if (op == "pause") {
    status_.paused = true;
  } else if (op == "resume") {
    status_.paused = false;
    step_to_.reset();
  } else if (op == "step") {
    status_.paused = false;
    step_to_ = in.body["to_s"].get<double>();
  }
}

void LiveRun::drain() {
  std::deque<Pending> batch;
  {
    std::lock_guard<std::mutex> lock(m_);
    batch.swap(queue_);
  }
  for (Pending& p : batch) {
    try {
      if (std::string err = sim_.check(p.in); !err.empty()) throw std::invalid_argument(err);
      p.in.seq = status_.inputs + 1;
      p.in.t_s = sim_.now();
      if (journal_) journal_->append(p.in); // durable before it takes effect and before the sender hears
      sim_.apply(p.in);
      if (p.in.kind == InputKind::kClock) {
        apply_clock(p.in);
        anchor();
      }
      {
        std::lock_guard<std::mutex> lock(m_);
        ++status_.inputs;
      }
      p.done.set_value(p.in);
    } catch (...) {
      p.done.set_exception(std::current_exception());
    }
  }
}

bool LiveRun::run(const std::function<void(const LiveStatus&)>& progress) {
  anchor();
  while (true) {
    drain();
    LiveStatus st;
    {
      std::unique_lock<std::mutex> lock(m_);
      status_.t_s = sim_.now();
      status_.ended = sim_.ended();
      st = status_;
      if (stop_) return false;
      if (st.ended) {
        // Inputs that arrive now are refused (submit checks `ended`); those queued are answered.
        lock.unlock();
        drain();
        return true;
      }
      if (st.paused) {
        if (queue_.empty()) clock_->wait(lock, cv_, 0.2);
        continue;
      }
    }
    double target;
    if (st.pace > 0) {
      target = sim0_ + (clock_->now_s() - wall0_) * st.pace;
      if (target <= sim_.now()) {
        std::unique_lock<std::mutex> lock(m_);
        if (queue_.empty() && !stop_) clock_->wait(lock, cv_, opt_.tick_s);
        continue;
      }
      target = std::min(target, sim_.now() + opt_.max_step_s);
    } else {
      target = sim_.now() + opt_.max_step_s;
    }
    if (step_to_) target = std::min(target, std::max(*step_to_, sim_.now()));
    if (target > sim_.now()) sim_.run_until(target);
    if (step_to_ && sim_.now() >= *step_to_) {
      step_to_.reset();
      std::lock_guard<std::mutex> lock(m_);
      status_.paused = true;
    }
    if (progress) {
      LiveStatus now_st = status();
      now_st.t_s = sim_.now();
      now_st.ended = sim_.ended();
      progress(now_st);
    }
  }
}

void replay(Simulation& sim, std::vector<RunInput> inputs) {
  std::stable_sort(inputs.begin(), inputs.end(), [](const RunInput& a, const RunInput& b) { return a.seq < b.seq; });
  for (RunInput in : inputs) {
    if (in.t_s < sim.now() - 1e-9)
      throw std::invalid_argument("journal input " + std::to_string(in.seq) + " is earlier than the one before");
    if (in.t_s > sim.now()) sim.run_until(in.t_s);
    if (sim.ended()) throw std::invalid_argument("journal input " + std::to_string(in.seq) + " is after the end");
    if (std::string err = sim.check(in); !err.empty())
      throw std::invalid_argument("journal input " + std::to_string(in.seq) + ": " + err);
    sim.apply(in);
  }
  sim.run();
}

} // namespace hg
