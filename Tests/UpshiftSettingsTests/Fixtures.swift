/// SPEC §9's FELScanner settings.json, verbatim.
let felScannerExample = """
    {
      "qbittorrent_host": "10.0.0.63", "qbittorrent_port": 8080,
      "qbittorrent_username": "", "qbittorrent_password": "",
      "qbittorrent_category": "movies-fel", "qbit_pause_on_add": false, "qbit_sequential_download": true,
      "radarr_url": "http://10.0.0.35:7878", "radarr_api_key": "your-api-key",
      "radarr_root_path": "/mnt/user/Media/Movies/",
      "notify_fel": true, "notify_fel_from_p5": true, "notify_fel_from_hdr": true, "notify_fel_duplicates": false,
      "notify_dv": false, "notify_dv_from_hdr": true, "notify_dv_profile_upgrades": true,
      "notify_atmos": false, "notify_atmos_only_if_no_atmos": true, "notify_atmos_with_dv_upgrade": true,
      "notify_resolution": false, "notify_resolution_only_upgrades": true,
      "notify_only_library_movies": true, "notify_expire_hours": 24,
      "notify_download_start": true, "notify_download_complete": true, "notify_download_error": true
    }
    """

/// A value no message, dump or encoding may ever contain.
let distinctiveSecret = "hunter2-Zq9vX4sECRET-7781"

/// A passkey as IPTorrents puts it in a feed URL.
let distinctivePasskey = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

/// An IPTorrents feed URL carrying ``distinctivePasskey``.
let iptFeedURL = "https://iptorrents.com/t.rss?u=1234567;tp=\(distinctivePasskey);48;89;download"
