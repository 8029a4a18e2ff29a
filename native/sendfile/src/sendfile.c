/*
 * Zero-copy transfer of a file range to a connected socket with Linux sendfile(2), on a thread of its own.
 *
 * Why: Node has no sendfile. Reading into a buffer and writing it to the socket costs two copies per byte,
 * and every socket write happens on the one JavaScript thread; sendfile hands the file's pages to the
 * socket inside the kernel, and here runs beside the event loop. Media responses are the only bytes that
 * need it.
 *
 * Why threads of its own rather than libuv's pool: a transfer waits on a slow reader for as long as the
 * reader likes (a paused video keeps its connection), and the pool's four threads also serve every fs
 * call in the process. Each transfer has a thread to itself while it runs; transfers are few (one or two
 * per playing item), and finished threads wait for the next one.
 *
 * Both descriptors are dup()ed on the calling thread, so Node may close its own at any time without the
 * number being reused under us; cancel() shuts the socket down, which wakes a waiting transfer at once.
 */
#include <node_api.h>

#if defined(__linux__)
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/sendfile.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Larger calls only hold the socket longer before we see progress; the kernel caps one call at ~2 GiB. */
#define MAX_CALL (64 * 1024 * 1024)
/* A cancelled or stalled transfer notices within this long even if no socket event arrives. */
#define POLL_MS 1000

typedef struct {
  pthread_mutex_t lock;
  int sock;
  int file;
  int64_t offset;
  int64_t remaining;
  int64_t sent;
  int error;      /* errno of the failure, 0 when all bytes went out */
  int cancelled;
  int short_file; /* the file ended before the range did */
  napi_threadsafe_function done;
  napi_ref self;  /* keeps the job's JS handle alive until the callback has run */
} job_t;

static void close_sock(job_t *job) {
  pthread_mutex_lock(&job->lock);
  if (job->sock >= 0) close(job->sock);
  job->sock = -1;
  pthread_mutex_unlock(&job->lock);
}

static int is_cancelled(job_t *job) {
  pthread_mutex_lock(&job->lock);
  int c = job->cancelled;
  pthread_mutex_unlock(&job->lock);
  return c;
}

/* Lets the corked head (see cork()) leave with the first body bytes, or alone if there are none. */
static void uncork(int sock) {
  int off = 0;
  setsockopt(sock, IPPROTO_TCP, TCP_CORK, &off, sizeof off);
}

static void transfer(job_t *job) {
  int corked = 1;
  while (job->remaining > 0) {
    if (is_cancelled(job)) {
      job->error = ECANCELED;
      break;
    }
    size_t count = job->remaining > MAX_CALL ? MAX_CALL : (size_t)job->remaining;
    off_t off = (off_t)job->offset;
    ssize_t n = sendfile(job->sock, job->file, &off, count);
    int err = n < 0 ? errno : 0; /* before setsockopt can change it */
    if (corked) {
      uncork(job->sock);
      corked = 0;
    }
    if (n > 0) {
      job->offset += n;
      job->remaining -= n;
      job->sent += n;
      continue;
    }
    if (n == 0) {
      job->short_file = 1;
      break;
    }
    if (err == EINTR) continue;
    if (err != EAGAIN && err != EWOULDBLOCK) {
      job->error = err;
      break;
    }
    /* The socket buffer is full: wait until the reader takes some. */
    struct pollfd p = {.fd = job->sock, .events = POLLOUT};
    int r = poll(&p, 1, POLL_MS);
    if (r < 0 && errno != EINTR) {
      job->error = errno;
      break;
    }
    /* POLLERR/POLLHUP: the next sendfile reports the socket's error. */
  }
  if (corked) uncork(job->sock);
  if (job->remaining > 0 && is_cancelled(job)) job->error = ECANCELED;
  close(job->file);
  close_sock(job);
  /* Copied first: once the callback has run on the JS thread, the job may be collected and freed. */
  napi_threadsafe_function done = job->done;
  napi_call_threadsafe_function(done, NULL, napi_tsfn_blocking);
  napi_release_threadsafe_function(done, napi_tsfn_release);
}

/*
 * Threads are kept for the next transfers rather than made for each: a video player asks for range after
 * range, and creating and tearing down a thread per request was a tenth of the JavaScript thread's time.
 * A thread idle this long exits, so an idle app holds none.
 */
#define IDLE_EXIT_SEC 30

typedef struct queued {
  job_t *job;
  struct queued *next;
} queued_t;

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_wake = PTHREAD_COND_INITIALIZER;
static queued_t *queue_head = NULL;
static queued_t *queue_tail = NULL;
static int idle_threads = 0;

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&pool_lock);
  for (;;) {
    while (!queue_head) {
      struct timespec until;
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_sec += IDLE_EXIT_SEC;
      idle_threads++;
      int r = pthread_cond_timedwait(&pool_wake, &pool_lock, &until);
      idle_threads--;
      if (r == ETIMEDOUT && !queue_head) {
        pthread_mutex_unlock(&pool_lock);
        return NULL;
      }
    }
    queued_t *q = queue_head;
    queue_head = q->next;
    if (!queue_head) queue_tail = NULL;
    pthread_mutex_unlock(&pool_lock);
    transfer(q->job);
    free(q);
    pthread_mutex_lock(&pool_lock);
  }
}

/* Hands the job to an idle thread, or to a new one when none is idle. Returns 0 or an errno. */
static int submit(job_t *job) {
  queued_t *q = malloc(sizeof *q);
  if (!q) return ENOMEM;
  q->job = job;
  q->next = NULL;
  pthread_mutex_lock(&pool_lock);
  if (queue_tail) queue_tail->next = q;
  else queue_head = q;
  queue_tail = q;
  int err = 0;
  /* Each queued job needs a thread of its own (it may wait on its reader), so wake one only if there is one per job. */
  int queued = 0;
  for (queued_t *p = queue_head; p; p = p->next) queued++;
  if (idle_threads >= queued) {
    pthread_cond_signal(&pool_wake);
  } else {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    pthread_t thread;
    err = pthread_create(&thread, &attr, worker, NULL);
    pthread_attr_destroy(&attr);
    if (err != 0) {
      /* Take the job back out: the caller reports the failure. */
      queued_t **pp = &queue_head;
      while (*pp != q) pp = &(*pp)->next;
      *pp = q->next;
      queue_tail = NULL;
      for (queued_t *p = queue_head; p; p = p->next) queue_tail = p;
      free(q);
    }
  }
  pthread_mutex_unlock(&pool_lock);
  return err;
}

static void call_done(napi_env env, napi_value callback, void *context, void *data) {
  (void)data;
  job_t *job = context;
  if (env == NULL) return;
  napi_value undefined, args[3];
  napi_get_undefined(env, &undefined);
  napi_create_int32(env, job->error, &args[0]);
  napi_create_int64(env, job->sent, &args[1]);
  napi_get_boolean(env, job->short_file != 0, &args[2]);
  napi_call_function(env, undefined, callback, 3, args, NULL);
  napi_delete_reference(env, job->self);
  job->self = NULL;
}

static void free_job(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  job_t *job = data;
  pthread_mutex_destroy(&job->lock);
  free(job);
}

static napi_value throw_errno(napi_env env, const char *what, int err) {
  napi_value code, msg, error;
  char text[160];
  snprintf(text, sizeof text, "%s failed (errno %d)", what, err);
  napi_create_string_utf8(env, "ESENDFILE", NAPI_AUTO_LENGTH, &code);
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &msg);
  napi_create_error(env, code, msg, &error);
  napi_throw(env, error);
  return NULL;
}

/* Marks our job handles, so that cancel() never takes another external for one. */
static const napi_type_tag JOB_TAG = {0x676c617373776e67ULL, 0x73656e6466696c65ULL};

/* start(socketFd, fileFd, offset, length, callback(errno, sent, shortFile)) -> job handle */
static napi_value start(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 5) {
    napi_throw_type_error(env, NULL, "start(socketFd, fileFd, offset, length, callback)");
    return NULL;
  }
  int32_t sock_fd, file_fd;
  int64_t offset, length;
  if (napi_get_value_int32(env, argv[0], &sock_fd) != napi_ok || napi_get_value_int32(env, argv[1], &file_fd) != napi_ok ||
      napi_get_value_int64(env, argv[2], &offset) != napi_ok || napi_get_value_int64(env, argv[3], &length) != napi_ok ||
      sock_fd < 0 || file_fd < 0 || offset < 0 || length < 0) {
    napi_throw_type_error(env, NULL, "start: descriptors, offset and length must be non-negative integers");
    return NULL;
  }

  job_t *job = calloc(1, sizeof *job);
  if (!job) return throw_errno(env, "calloc", ENOMEM);
  pthread_mutex_init(&job->lock, NULL);
  job->offset = offset;
  job->remaining = length;
  job->sock = fcntl(sock_fd, F_DUPFD_CLOEXEC, 0);
  job->file = job->sock < 0 ? -1 : fcntl(file_fd, F_DUPFD_CLOEXEC, 0);
  if (job->sock < 0 || job->file < 0) {
    int err = errno;
    if (job->sock >= 0) close(job->sock);
    free_job(env, job, NULL);
    return throw_errno(env, "dup", err);
  }

  napi_value handle, name;
  napi_create_external(env, job, free_job, NULL, &handle);
  napi_type_tag_object(env, handle, &JOB_TAG);
  napi_create_reference(env, handle, 1, &job->self);
  napi_create_string_utf8(env, "glasswing-sendfile", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, argv[4], NULL, name, 0, 1, NULL, NULL, job, call_done, &job->done) != napi_ok) {
    close(job->sock);
    close(job->file);
    job->sock = job->file = -1;
    napi_delete_reference(env, job->self);
    napi_throw_error(env, NULL, "start: could not create the completion callback");
    return NULL;
  }

  int err = submit(job);
  if (err != 0) {
    close(job->sock);
    close(job->file);
    job->sock = job->file = -1;
    napi_release_threadsafe_function(job->done, napi_tsfn_abort);
    napi_delete_reference(env, job->self);
    return throw_errno(env, "pthread_create", err);
  }
  return handle;
}

/*
 * cork(socketFd): holds back what is written next (the response head, written by Node) until the
 * transfer's first sendfile, so head and body leave in one segment rather than the head in a packet of
 * its own. nginx does the same (tcp_nopush). On loopback each packet costs its sender the receiver's
 * TCP work too, so this is a few percent of the JavaScript thread's time per request.
 */
static napi_value cork(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t fd;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0) {
    napi_throw_type_error(env, NULL, "cork(socketFd)");
    return NULL;
  }
  int on = 1;
  /* Best effort: a socket that refuses (not TCP) simply sends the head at once. */
  setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
  return NULL;
}

/* cancel(job): the transfer stops as soon as its thread notices, and its callback reports ECANCELED. */
static napi_value cancel(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *data = NULL;
  bool ours = false;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_check_object_type_tag(env, argv[0], &JOB_TAG, &ours) != napi_ok || !ours ||
      napi_get_value_external(env, argv[0], &data) != napi_ok || !data) {
    napi_throw_type_error(env, NULL, "cancel(job)");
    return NULL;
  }
  job_t *job = data;
  pthread_mutex_lock(&job->lock);
  job->cancelled = 1;
  /* Wakes a sendfile or poll that waits on a reader; the connection is being given up anyway. */
  if (job->sock >= 0) shutdown(job->sock, SHUT_RDWR);
  pthread_mutex_unlock(&job->lock);
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn, yes;
  napi_create_function(env, "start", NAPI_AUTO_LENGTH, start, NULL, &fn);
  napi_set_named_property(env, exports, "start", fn);
  napi_create_function(env, "cancel", NAPI_AUTO_LENGTH, cancel, NULL, &fn);
  napi_set_named_property(env, exports, "cancel", fn);
  napi_create_function(env, "cork", NAPI_AUTO_LENGTH, cork, NULL, &fn);
  napi_set_named_property(env, exports, "cork", fn);
  napi_get_boolean(env, 1, &yes);
  napi_set_named_property(env, exports, "supported", yes);
  return exports;
}

#else

static napi_value init(napi_env env, napi_value exports) {
  napi_value no;
  napi_get_boolean(env, 0, &no);
  napi_set_named_property(env, exports, "supported", no);
  return exports;
}

#endif

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
