.class public Lcom/evil/Q"'><img/src=x/onerror=window.__pwned=4>;
.super Lcom/evil/<script>window.__pwned=3</script>;
.source "Q.java"

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Lcom/evil/<script>window.__pwned=3</script>;-><init>()V
    return-void
.end method

.method public "'><svg/onload=window.__pwned=5>()V
    .registers 2
    const-string v0, "\"'><img src=x onerror=\"window.__pwned=2\">"
    invoke-static {}, Lcom/evil/<script>window.__pwned=3</script>;->payload()Ljava/lang/String;
    return-void
.end method
