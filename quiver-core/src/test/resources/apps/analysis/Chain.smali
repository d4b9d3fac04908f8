.class public Lcom/q/Chain;
.super Ljava/lang/Object;
.source "Chain.java"

.method public static l1()V
    .registers 0
    invoke-static {}, Lcom/q/Chain;->l2()V
    return-void
.end method

.method public static l2()V
    .registers 0
    invoke-static {}, Lcom/q/Chain;->l3()V
    return-void
.end method

.method public static l3()V
    .registers 0
    invoke-static {}, Lcom/q/Chain;->l4()V
    invoke-static {}, Lcom/q/Chain;->l2()V
    return-void
.end method

.method public static l4()V
    .registers 6
    invoke-static {}, Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;
    move-result-object v0
    const-string v1, "+15550100"
    const/4 v3, 0x0
    move-object v2, v3
    move-object v4, v3
    move-object v5, v3
    invoke-virtual/range {v0 .. v5}, Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V
    return-void
.end method

.method public static fact(I)I
    .registers 2
    invoke-static {p0}, Lcom/q/Chain;->fact(I)I
    move-result v0
    return v0
.end method

.method public static ping()V
    .registers 0
    invoke-static {}, Lcom/q/Chain;->pong()V
    return-void
.end method

.method public static pong()V
    .registers 0
    invoke-static {}, Lcom/q/Chain;->ping()V
    return-void
.end method
