.class public Lcom/evil/<script>window.__pwned=3</script>;
.super Ljava/lang/Object;
.source "<script>window.__pwned=6</script>.java"

.field public static javascript:alert:Ljava/lang/String; = "javascript:alert(1)"

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static payload()Ljava/lang/String;
    .registers 2
    const-string v0, "<img src=x onerror=\"document.title='pwned';window.__pwned=1\">"
    const-string v1, "javascript:alert(document.domain)"
    sget-object v1, Lcom/evil/<script>window.__pwned=3</script>;->javascript:alert:Ljava/lang/String;
    return-object v0
.end method
