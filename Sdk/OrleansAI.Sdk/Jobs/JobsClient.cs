namespace OrleansAI.Sdk.Jobs;

/// <summary>The caller's training jobs (<c>/api/jobs</c>).</summary>
public sealed class JobsClient
{
    private readonly ApiTransport _api;

    internal JobsClient(ApiTransport api) => _api = api;

    /// <summary>Attempts a submission makes when the connection drops, the call times out or the server answers 429/5xx.</summary>
    public const int SubmitAttempts = 3;

    /// <summary>
    /// Submits a job; it starts once enough providers are online (and its escrow is funded, if it
    /// has a budget). Safe to retry: the call carries a fresh idempotency key and is sent again with
    /// the same key when the connection drops, it times out, or the server answers 429 or 5xx, so
    /// exactly one job is created.
    /// </summary>
    /// <exception cref="OaiApiException">The request was refused; <see cref="OaiApiException.Errors"/> names each field at fault.</exception>
    public Task<JobView> SubmitAsync(JobRequest request, CancellationToken cancellationToken = default) =>
        SubmitAsync(request, Guid.NewGuid().ToString("N"), cancellationToken);

    /// <summary>
    /// Submits a job under <paramref name="idempotencyKey"/> (1-100 visible ASCII characters, kept by
    /// the server for a day): any later submission with the key and the same request answers the
    /// same job; with another request it is refused with 422. Retried like <see cref="SubmitAsync(JobRequest, CancellationToken)"/>.
    /// </summary>
    public async Task<JobView> SubmitAsync(JobRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var headers = new Dictionary<string, string> { [JobHeaders.IdempotencyKey] = idempotencyKey };
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? wait;
            try
            {
                return await _api.SendJsonAsync<JobView>(HttpMethod.Post, "api/jobs", request, cancellationToken, headers).ConfigureAwait(false);
            }
            catch (OaiApiException ex) when (attempt < SubmitAttempts && IsTransient(ex))
            {
                wait = ex.RetryAfter;
            }
            catch (Exception ex) when (attempt < SubmitAttempts && ex is HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                wait = null;
            }

            await Task.Delay(wait is { } w && w > TimeSpan.Zero && w < TimeSpan.FromMinutes(1) ? w : TimeSpan.FromMilliseconds(500 * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads one of the caller's jobs (404 for unknown ids and other clients' jobs alike).</summary>
    public Task<JobView> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _api.GetAsync<JobView>($"api/jobs/{ApiTransport.Segment(id)}", cancellationToken);

    /// <summary>One page of the caller's jobs, newest first.</summary>
    public Task<JobPage> ListAsync(int skip = 0, int take = 20, CancellationToken cancellationToken = default) =>
        _api.GetAsync<JobPage>(string.Create(CultureInfo.InvariantCulture, $"api/jobs?skip={skip}&take={take}"), cancellationToken);

    /// <summary>Cancels a job that has not finished; its outstanding tasks are withdrawn from the providers.</summary>
    public Task<JobView> CancelAsync(string id, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<JobView>(HttpMethod.Delete, $"api/jobs/{ApiTransport.Segment(id)}", null, cancellationToken);

    /// <summary>One round in full: every result handed in and, for data-parallel rounds, what every check decided.</summary>
    public Task<RoundDetailView> GetRoundAsync(string id, int round, CancellationToken cancellationToken = default) =>
        _api.GetAsync<RoundDetailView>(string.Create(CultureInfo.InvariantCulture, $"api/jobs/{ApiTransport.Segment(id)}/rounds/{round}"), cancellationToken);

    /// <summary>The job's escrow as the platform's chain mirror sees it.</summary>
    public Task<EscrowView> GetEscrowAsync(string id, CancellationToken cancellationToken = default) =>
        _api.GetAsync<EscrowView>($"api/jobs/{ApiTransport.Segment(id)}/escrow", cancellationToken);

    /// <summary>
    /// The job's progress as the server sends it: a <c>snapshot</c> first, then <c>status</c>,
    /// <c>round</c>, <c>evaluated</c> and <c>model</c> events; it ends when the job does.
    /// </summary>
    public IAsyncEnumerable<JobProgress> WatchAsync(string id, CancellationToken cancellationToken = default) =>
        _api.StreamAsync<JobProgress>($"api/jobs/{ApiTransport.Segment(id)}/events", cancellationToken);

    /// <summary>
    /// Waits until the job has finished (completed with its model registered, failed or cancelled)
    /// and returns it (a completed one with its model version once registered). Follows the event stream, and reads the job again when the connection drops or the server answers 429 or 5xx for a while (a silo restarting).
    /// </summary>
    public async Task<JobView> WaitAsync(string id, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                await foreach (var _ in WatchAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    // Only the end matters here; the job is read again below.
                }
            }
            catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
            {
                // The connection dropped (an Api restart, a proxy): read the job and follow it again.
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            catch (OaiApiException ex) when (IsTransient(ex))
            {
            }

            JobView job;
            try
            {
                job = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (OaiApiException ex) when (IsTransient(ex))
            {
                // A silo restarting or the Api shedding load: the job is still there; ask again shortly.
                await Task.Delay(ex.RetryAfter is { } after && after > TimeSpan.Zero && after < TimeSpan.FromMinutes(1) ? after : TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (IsFinished(job))
            {
                // The model is registered just after the status turns completed; give it a moment.
                for (var i = 0; i < 30 && job.Status == JobStatus.Completed && job.ModelVersion is null; i++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                    job = await GetAsync(id, cancellationToken).ConfigureAwait(false);
                }

                return job;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(OaiApiException ex) => (int)ex.Status >= 500 || ex.Status == System.Net.HttpStatusCode.TooManyRequests;

    /// <summary>Whether <paramref name="job"/> has finished: completed, failed or cancelled.</summary>
    public static bool IsFinished(JobView job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
    }
}
